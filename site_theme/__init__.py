"""Prongsai's overrides of the Material theme (templates, CSS, JS, fonts).

It is a package only so that ``pip install`` ships it with the generator; MkDocs uses the folder
as ``theme.custom_dir`` and skips ``.py`` files.
"""

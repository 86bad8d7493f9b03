"""The discharge packet ("After-Hospital Care Plan"): content model, message catalog, PDF renderer.

No Qt and no database here: :mod:`content` holds plain dataclasses, :mod:`render` turns them into
PDF bytes with reportlab platypus, :mod:`i18n` supplies the fixed wording in each language.
"""

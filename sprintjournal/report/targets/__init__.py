"""One module per family of export targets; each turns an ExportContext into files.

Each module declares the formats it writes in `FORMATS` (see `report/formats.py`): a new
format is a new module here, found by the registry without being named anywhere else.
"""

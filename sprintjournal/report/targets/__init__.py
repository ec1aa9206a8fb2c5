"""One module per family of export targets; each turns an ExportContext into files."""

"""Use cases behind the Journal façade: each function runs inside a transaction it is given."""

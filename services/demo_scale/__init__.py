"""Demo data at the reference park's scale (seed 003): `make demo-data SCALE=park`."""

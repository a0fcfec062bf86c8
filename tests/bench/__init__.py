"""Benchmarks run by `make bench` against a real server; not tests, so pytest does not collect them."""

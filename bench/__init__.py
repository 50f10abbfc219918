"""The benchmark suite (`python -m bench`, `make bench`): measures, prints a table and writes
BENCHMARKS.md. It never fails on a timing: a missed target is reported, not raised."""

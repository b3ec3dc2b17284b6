"""`python -m plansjekk …` runs the same command line as the `plansjekk` script."""

from plansjekk.cli import run

if __name__ == "__main__":
    run()

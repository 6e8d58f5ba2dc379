"""Output safety: what deck may write where (targets checked before anything is written,
atomic writes, a record of the files it wrote, clean stops on Ctrl-C and SIGTERM)."""

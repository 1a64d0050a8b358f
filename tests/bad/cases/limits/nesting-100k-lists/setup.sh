# Generates what is too big or too odd to commit.
set -e
awk 'BEGIN { printf "version = 1;\nx = "; for (i = 0; i < 100000; i++) printf "("; for (i = 0; i < 100000; i++) printf ")"; printf ";\n" }' > dossier.cfg

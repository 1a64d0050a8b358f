# Generates what is too big or too odd to commit.
set -e
awk 'BEGIN { printf "version = 1;\nsources = ["; for (i = 0; i < 20000; i++) printf "%s\"s%d\"", (i ? "," : ""), i; printf "];\n" }' > dossier.cfg

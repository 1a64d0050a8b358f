# Generates what is too big or too odd to commit.
set -e
awk 'BEGIN { printf "version = 1;\nevents = ( { id = \"e\"; title = \"E\"; start = \"2025-10-09\";\nattendees = ("; for (i = 0; i < 5000; i++) printf "%s\"x%d\"", (i ? "," : ""), i; printf "); } );\n" }' > dossier.cfg

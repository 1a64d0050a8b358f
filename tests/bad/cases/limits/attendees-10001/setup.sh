# Generates what is too big or too odd to commit.
set -e
awk 'BEGIN { printf "version = 1;\npeople = ( { id = \"a\"; name = \"A\"; } );\nevents = ( { id = \"e\"; title = \"E\"; start = \"2025-10-09\";\nattendees = ("; for (i = 0; i < 10001; i++) printf "%s\"a\"", (i ? "," : ""); printf "); } );\n" }' > dossier.cfg

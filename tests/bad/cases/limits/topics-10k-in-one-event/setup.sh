# Generates what is too big or too odd to commit.
set -e
awk 'BEGIN { printf "version = 1;\ntopics = (\n"; for (i = 0; i < 10000; i++) printf "%s{ id = \"t%d\"; name = \"T\"; }\n", (i ? "," : ""), i; printf ");\nevents = ( { id = \"e\"; title = \"E\"; start = \"2025-10-09\"; topics = [\n"; for (i = 0; i < 10000; i++) printf "%s\"t%d\"", (i ? "," : ""), i; printf "]; } );\n" }' > dossier.cfg

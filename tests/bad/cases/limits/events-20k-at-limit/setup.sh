# Generates what is too big or too odd to commit.
set -e
n=20000
{ printf 'version = 1;\ntimezone = "Asia/Dushanbe";\npeople = ( { id = "a"; name = "A"; } );\nevents = (\n'
  i=0; awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "%s{ id = \"e%d\"; title = \"Event %d\"; start = \"2025-10-%02dT%02d:%02d\"; attendees = (\"a\"); }\n", (i ? "," : ""), i, i, 1 + i % 28, i % 24, i % 60 }'
  printf ');\n'; } > dossier.cfg

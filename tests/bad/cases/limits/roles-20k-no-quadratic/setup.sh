# Generates what is too big or too odd to commit.
set -e
LC_ALL=C awk 'BEGIN { n = 0; for (c = 33; c < 127; c++) if (c != 34 && c != 92) a[n++] = c; for (c = 161; c < 256; c++) a[n++] = c;
  printf "version = 1;\nroles = (\n"; for (i = 0; i < 20000; i++) printf "%s{ id = \"r%d\"; name = \"R\"; mark = \"%c%c\"; }\n", (i ? "," : ""), i, a[i % n], a[int(i / n)]; printf ");\n" }' > gen.cfg
iconv -f latin1 -t utf-8 gen.cfg > dossier.cfg && rm gen.cfg

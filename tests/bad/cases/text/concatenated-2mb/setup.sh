# Generates what is too big or too odd to commit.
set -e
printf 'version = 1;\ntitle = ' > dossier.cfg
for i in 1 2 3; do printf '"' >> dossier.cfg; head -c 800000 /dev/zero | tr '\000' y >> dossier.cfg; printf '" ' >> dossier.cfg; done
printf ';\n' >> dossier.cfg

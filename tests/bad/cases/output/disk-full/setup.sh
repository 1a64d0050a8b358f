# Generates what is too big or too odd to commit.
set -e
ln -s /dev/full full.pdf

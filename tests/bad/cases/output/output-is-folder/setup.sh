# Generates what is too big or too odd to commit.
set -e
mkdir out.pdf

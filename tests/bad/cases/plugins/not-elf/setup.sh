# Generates what is too big or too odd to commit.
set -e
mkdir -p plugins && echo "not a library" > plugins/hostile.so

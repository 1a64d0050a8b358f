# Generates what is too big or too odd to commit.
set -e
mkdir -p plugins && cp "$BP_BAD_PLUGINS/hostile.so" plugins/ && chmod 755 plugins plugins/hostile.so
mkdir outd

#!/usr/bin/env bash
# Makes the fonts of the social images: Noto Sans CJK KR, Regular and Bold,
# cut down to Latin, general punctuation, the 2,350 Hangul syllables of KS X
# 1001 and every character of the codes' and the interface's text, so Korean
# and English render with no system font. Needs Debian's fonts-noto-cjk and
# fonttools (pip install fonttools).
set -euo pipefail
cd "$(dirname "$0")"
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
python3 - "$chars" ../content/codes/*.toml ../content/i18n/*.toml <<'PY'
import sys
text = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
text |= {chr(c) for c in range(0x2010, 0x2027)}
for hi in range(0xB0, 0xC9):
    for lo in range(0xA1, 0xFF):
        try:
            text.add(bytes([hi, lo]).decode("euc-kr"))
        except UnicodeDecodeError:
            pass
for path in sys.argv[2:]:
    text |= set(open(path, encoding="utf-8").read())
text -= {"\n", "\r", "\t"}
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(text)))
PY
for weight in Regular Bold; do
  pyftsubset "/usr/share/fonts/opentype/noto/NotoSansCJK-$weight.ttc" --font-number=1 \
    --text-file="$chars" --layout-features='' --no-hinting --name-IDs='*' \
    --output-file="NotoSansCJKkr-$weight.subset.otf"
done
ls -l NotoSansCJKkr-*.subset.otf

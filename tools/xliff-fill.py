#!/usr/bin/env python3
"""Fill missing Spanish <target>s in xliff/es.xlf from a JSON map {source_xml: target_xml}
(or, with --by-id, {trans-unit id: target_xml}: to keep the translations of two branches).

   python3 tools/xliff-fill.py translations.json   (then: npm run localize:build)
Sources and targets are written as they appear in the file (placeholders as <x id=.../>).
Prints the sources still without a target; exit 1 if any.
"""
import json, re, sys

path = 'xliff/es.xlf'
text = open(path, encoding='utf8').read()
args = [a for a in sys.argv[1:] if a != '--by-id']
by_id = '--by-id' in sys.argv
fills = json.load(open(args[0], encoding='utf8')) if args else {}

def fill(m):
    unit = m.group(0)
    if '<target>' in unit:
        return unit
    src = re.search(r'<source>(.*?)</source>', unit, re.S).group(1)
    key = re.search(r'<trans-unit id="([^"]+)"', unit).group(1) if by_id else src
    if key in fills:
        return unit.replace('</source>', '</source>\n      <target>' + fills[key] + '</target>', 1)
    return unit

text = re.sub(r'<trans-unit id="[^"]+">.*?</trans-unit>', fill, text, flags=re.S)
open(path, 'w', encoding='utf8').write(text)
missing = [re.search(r'<source>(.*?)</source>', u, re.S).group(1)
           for u in re.findall(r'<trans-unit id="[^"]+">.*?</trans-unit>', text, re.S) if '<target>' not in u]
for s in missing:
    print('missing:', s)
sys.exit(1 if missing else 0)

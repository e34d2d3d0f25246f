import sys
p = sys.argv[1]; t = open(p, encoding='utf-8').read()
a, b = 'source from', 'source fr0m'
t = t.replace(a, b, 1) if a in t else t.replace(b, a, 1)
open(p, 'w', encoding='utf-8', newline='\n').write(t)

"""Check an executed notebook: no error outputs, and an image in every cell that shows a chart."""
import json
import sys

path, seconds = sys.argv[1], float(sys.argv[2]) / 1000
nb = json.load(open(path))
cells = [c for c in nb['cells'] if c['cell_type'] == 'code']
errors, missing, images = [], [], 0
for number, cell in enumerate(cells, 1):
    source = ''.join(cell['source'])
    outputs = cell.get('outputs', [])
    errors += [f"cell {number}: {o.get('ename')}: {o.get('evalue')}" for o in outputs if o.get('output_type') == 'error']
    shown = sum(1 for o in outputs if any(k.startswith('image/') for k in o.get('data', {})))
    images += shown
    expected = source.count('await show(')
    if shown < expected:
        missing.append(f"cell {number}: {expected} chart(s) asked for, {shown} shown")
name = path.rsplit('/', 1)[-1]
print(f"{'✔' if not errors and not missing else '✘'} {name}: {len(cells)} code cells, {images} charts, {len(errors)} errors, {seconds:.1f} s")
for problem in errors + missing:
    print(f"    {problem}")
sys.exit(1 if errors or missing else 0)

"""A Dataset artifact passed between components, with metadata and Metrics."""
from kfp import dsl
from kfp.dsl import Dataset, Input, Metrics, Output

BASE_IMAGE = 'python:3.11'


@dsl.component(base_image=BASE_IMAGE)
def make_rows(rows: int, data: Output[Dataset]):
    import csv
    with open(data.path, 'w', newline='') as f:
        writer = csv.writer(f)
        writer.writerow(['id', 'value'])
        for i in range(1, rows + 1):
            writer.writerow([i, i * i])
    data.metadata['rows'] = rows
    data.metadata['format'] = 'csv'


@dsl.component(base_image=BASE_IMAGE)
def summarize(data: Input[Dataset], metrics: Output[Metrics]) -> int:
    import csv
    with open(data.path, newline='') as f:
        values = [int(row['value']) for row in csv.DictReader(f)]
    if len(values) != data.metadata['rows']:
        raise ValueError(f'{len(values)} rows, metadata says {data.metadata["rows"]}')
    metrics.log_metric('rows', len(values))
    metrics.log_metric('sum', sum(values))
    return sum(values)


@dsl.pipeline(name='skiff-test-dataset-artifacts')
def pipeline(rows: int = 4) -> int:
    made = make_rows(rows=rows)
    return summarize(data=made.outputs['data']).outputs['Output']

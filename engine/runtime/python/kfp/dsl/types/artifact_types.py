"""Artifact classes a component sees at run time (``dsl.Dataset``, ``dsl.Metrics``...).

Why this shape: a component written for the real SDK reads ``artifact.path``,
``artifact.uri`` and ``artifact.metadata`` and calls the ``log_*`` helpers of the
metrics classes, and the executor copies ``name``/``uri``/``metadata`` back into
``executor_output.json``. Those attribute names, the remote-URI to local-mount
mapping (``gs://`` -> ``/gcs/`` ...) and the metadata layout the helpers write are
what the rest of a KFP backend (and Skiff's UI) relies on, so they follow the SDK.
"""

import enum
import os
import warnings
from typing import Any, Dict, List, Optional, Type

#: Where a KFP workspace volume is mounted inside a task (metadata `_kfp_workspace`).
WORKSPACE_MOUNT_PATH = '/kfp-workspace'


class RemotePrefix(enum.Enum):
    """URI schemes the backend mounts at a fixed local prefix."""

    GCS = 'gs://'
    MINIO = 'minio://'
    S3 = 's3://'
    OCI = 'oci://'


_LOCAL_PREFIX = {
    RemotePrefix.GCS: '/gcs/',
    RemotePrefix.MINIO: '/minio/',
    RemotePrefix.S3: '/s3/',
    RemotePrefix.OCI: '/oci/',
}


def convert_remote_uri_to_local_path(uri: str) -> str:
    """Maps ``gs://b/k`` to ``/gcs/b/k`` (and minio/s3/oci alike); other URIs unchanged.

    OCI references are flattened (``/`` -> ``_``) because they name an image, not a tree.
    """
    for prefix, local in _LOCAL_PREFIX.items():
        if uri.startswith(prefix.value):
            rest = uri[len(prefix.value):]
            if prefix is RemotePrefix.OCI:
                rest = rest.replace('/', '_')
            return local + rest
    return uri


def convert_local_path_to_remote_path(path: str) -> str:
    """Inverse of :func:`convert_remote_uri_to_local_path`, used when a path is assigned."""
    for prefix, local in _LOCAL_PREFIX.items():
        if path.startswith(local):
            rest = path[len(local):]
            if prefix is RemotePrefix.OCI:
                rest = rest.replace('_', '/')
                if rest.endswith('/models'):
                    rest = rest[:-len('/models')]
            return prefix.value + rest
    return path


class Artifact:
    """A generic artifact: a name, a URI and free-form metadata.

    ``path`` is the local file the component reads or writes; assigning ``path``
    changes ``uri``, while ``set_path`` records a custom path that the executor
    reports back as ``custom_path``.
    """

    schema_title = 'system.Artifact'
    schema_version = '0.0.1'

    def __init__(self,
                 name: Optional[str] = None,
                 uri: Optional[str] = None,
                 metadata: Optional[Dict[str, Any]] = None) -> None:
        self.uri = uri or ''
        self.name = name or ''
        self.metadata = metadata or {}
        self._custom_path = ''

    @property
    def path(self) -> str:
        return self._get_path()

    @path.setter
    def path(self, path: str) -> None:
        self._set_path(path)

    def _get_path(self) -> str:
        local_path = self._custom_path or convert_remote_uri_to_local_path(self.uri)
        # The backend marks artifacts already present in the pipeline workspace.
        if self.metadata.get('_kfp_workspace') is True:
            local_path = os.path.join(WORKSPACE_MOUNT_PATH, '.artifacts', local_path.lstrip('/'))
        return local_path

    def _set_path(self, path: str) -> None:
        self.uri = convert_local_path_to_remote_path(path)

    @property
    def custom_path(self) -> str:
        return self._custom_path

    @custom_path.setter
    def custom_path(self, value: str) -> None:
        self._custom_path = value

    def set_path(self, path: str) -> None:
        """Asks the backend to take the artifact from ``path`` instead of its default location."""
        self._custom_path = path


class Model(Artifact):
    """A trained model; ``framework`` is kept in ``metadata['framework']``."""

    schema_title = 'system.Model'

    @property
    def framework(self) -> str:
        return self.metadata.get('framework', '')

    @framework.setter
    def framework(self, framework: str) -> None:
        self.metadata['framework'] = framework

    @property
    def path(self) -> str:
        # Modelcar (OCI) images keep the model files under /models.
        if self.uri.startswith(RemotePrefix.OCI.value):
            return self._get_path() + '/models'
        return self._get_path()

    @path.setter
    def path(self, path: str) -> None:
        self._set_path(path)


class Dataset(Artifact):
    """A data set."""

    schema_title = 'system.Dataset'


class Metrics(Artifact):
    """Scalar metrics, stored as ``metadata[name] = value``."""

    schema_title = 'system.Metrics'

    def log_metric(self, metric: str, value: float) -> None:
        self.metadata[metric] = value


class ClassificationMetrics(Artifact):
    """ROC points and a confusion matrix, in the metadata layout KFP's UI reads.

    ROC points go to ``confidenceMetrics`` as ``{confidenceThreshold, recall,
    falsePositiveRate}``; the matrix to ``confusionMatrix`` as
    ``{annotationSpecs: [{displayName}], rows: [{row: [...]}]}``.
    """

    schema_title = 'system.ClassificationMetrics'

    def log_roc_data_point(self, fpr: float, tpr: float, threshold: float) -> None:
        point = {'confidenceThreshold': threshold, 'recall': tpr, 'falsePositiveRate': fpr}
        self.metadata.setdefault('confidenceMetrics', []).append(point)

    def log_roc_curve(self, fpr: List[float], tpr: List[float], threshold: List[float]) -> None:
        if not len(fpr) == len(tpr) == len(threshold):
            raise ValueError(
                'Length of fpr, tpr and threshold must be the same. Got lengths '
                f'{len(fpr)}, {len(tpr)} and {len(threshold)} respectively.')
        for i in range(len(fpr)):
            self.log_roc_data_point(fpr=fpr[i], tpr=tpr[i], threshold=threshold[i])

    def set_confusion_matrix_categories(self, categories: List[str]) -> None:
        self._categories = list(categories)
        self._matrix = [{'row': [0] * len(self._categories)} for _ in self._categories]
        self._confusion_matrix = {
            'annotationSpecs': [{'displayName': c} for c in self._categories],
            'rows': self._matrix,
        }
        self.metadata['confusionMatrix'] = self._confusion_matrix

    def _category_index(self, category: str) -> int:
        categories = getattr(self, '_categories', None)
        if categories is None or category not in categories:
            raise ValueError(f'Invalid category: {category} passed. Expected one of: {categories}')
        return categories.index(category)

    def log_confusion_matrix_row(self, row_category: str, row: List[float]) -> None:
        index = self._category_index(row_category)
        if len(row) != len(self._categories):
            raise ValueError(f'Invalid row. Expected size: {len(self._categories)} got: {len(row)}')
        self._matrix[index] = {'row': row}
        self.metadata['confusionMatrix'] = self._confusion_matrix

    def log_confusion_matrix_cell(self, row_category: str, col_category: str, value: int) -> None:
        row = self._category_index(row_category)
        col = self._category_index(col_category)
        self._matrix[row]['row'][col] = value
        self.metadata['confusionMatrix'] = self._confusion_matrix

    def log_confusion_matrix(self, categories: List[str], matrix: List[List[int]]) -> None:
        self.set_confusion_matrix_categories(categories)
        if len(matrix) != len(categories) or any(len(r) != len(categories) for r in matrix):
            raise ValueError(f'Invalid matrix: {matrix} passed for categories: {categories}')
        for index, category in enumerate(categories):
            self.log_confusion_matrix_row(category, matrix[index])
        self.metadata['confusionMatrix'] = self._confusion_matrix


class SlicedClassificationMetrics(Artifact):
    """Classification metrics per slice, under ``metadata['evaluationSlices']``.

    The SDK's version of the ROC/bulk helpers calls methods that do not exist and
    raises; here they delegate to :class:`ClassificationMetrics` instead.
    """

    schema_title = 'system.SlicedClassificationMetrics'

    def _slice(self, slice: str) -> ClassificationMetrics:
        if not hasattr(self, '_sliced_metrics'):
            self._sliced_metrics: Dict[str, ClassificationMetrics] = {}
        return self._sliced_metrics.setdefault(slice, ClassificationMetrics())

    def _update_metadata(self) -> None:
        self.metadata = {
            'evaluationSlices': [{
                'slice': name,
                'sliceClassificationMetrics': metrics.metadata
            } for name, metrics in self._sliced_metrics.items()]
        }

    def log_roc_reading(self, slice: str, threshold: float, tpr: float, fpr: float) -> None:
        self._slice(slice).log_roc_data_point(fpr=fpr, tpr=tpr, threshold=threshold)
        self._update_metadata()

    def load_roc_readings(self, slice: str, readings: List[List[float]]) -> None:
        for threshold, tpr, fpr in readings:
            self._slice(slice).log_roc_data_point(fpr=fpr, tpr=tpr, threshold=threshold)
        self._update_metadata()

    def set_confusion_matrix_categories(self, slice: str, categories: List[str]) -> None:
        self._slice(slice).set_confusion_matrix_categories(categories)
        self._update_metadata()

    def log_confusion_matrix_row(self, slice: str, row_category: str, row: List[int]) -> None:
        self._slice(slice).log_confusion_matrix_row(row_category, row)
        self._update_metadata()

    def log_confusion_matrix_cell(self, slice: str, row_category: str, col_category: str,
                                  value: int) -> None:
        self._slice(slice).log_confusion_matrix_cell(row_category, col_category, value)
        self._update_metadata()

    def load_confusion_matrix(self, slice: str, categories: List[str],
                              matrix: List[List[int]]) -> None:
        self._slice(slice).log_confusion_matrix(categories, matrix)
        self._update_metadata()


class HTML(Artifact):
    """An HTML page (rendered by the UI)."""

    schema_title = 'system.HTML'


class Markdown(Artifact):
    """A Markdown document (rendered by the UI)."""

    schema_title = 'system.Markdown'


_SCHEMA_TITLE_TO_TYPE: Dict[str, Type[Artifact]] = {
    cls.schema_title: cls for cls in (
        Artifact,
        Model,
        Dataset,
        Metrics,
        ClassificationMetrics,
        SlicedClassificationMetrics,
        HTML,
        Markdown,
    )
}

#: Local directory of the running task (dirname of `outputs.outputFile`); set by the executor.
CONTAINER_TASK_ROOT: Optional[str] = None


def get_uri(suffix: str = 'Output') -> str:
    """A URI under the running task's root, for artifacts the component names itself."""
    if CONTAINER_TASK_ROOT is None:
        raise RuntimeError("'dsl.get_uri' can only be called at task runtime. "
                           'The task root is unknown in the current environment.')
    if CONTAINER_TASK_ROOT == '/tmp/kfp_outputs':
        warnings.warn(
            'dsl.get_uri is not yet supported by the KFP backend. Please specify a URI explicitly.',
            RuntimeWarning,
            stacklevel=2)
        return ''
    return os.path.join(convert_local_path_to_remote_path(CONTAINER_TASK_ROOT), suffix)

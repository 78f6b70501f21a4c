"""The one django-ninja API, mounted at /api/v1/; each app adds its router."""

from ninja import NinjaAPI

from gongkai.applications.apis import router as applications_router
from gongkai.core.apis import router as core_router
from gongkai.documents.apis import router as documents_router
from gongkai.reports.apis import router as reports_router
from gongkai.search.apis import router as search_router

api = NinjaAPI(
    title="Gongkai API",
    version="1",
    urls_namespace="api",
    description="政府信息公开平台接口",
)
api.add_router("/", core_router)
api.add_router("/", documents_router)
api.add_router("/", search_router)
api.add_router("/", applications_router)
api.add_router("/", reports_router)

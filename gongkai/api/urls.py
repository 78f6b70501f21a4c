"""The one django-ninja API, mounted at /api/v1/; each app adds its router."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Gongkai API",
    version="1",
    urls_namespace="api",
    description="政府信息公开平台接口",
)

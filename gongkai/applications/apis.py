"""The applications API under /api/v1/: one router combining the parts.

The public endpoints (lodging, tracking) live in `api_public`; the staff
endpoints are added here or in their own module, each with its own router.
"""

from ninja import Router

from .api_public import router as public_router
from .api_staff import router as staff_router

router = Router(tags=["applications"])
router.add_router("/", public_router)
router.add_router("/", staff_router)

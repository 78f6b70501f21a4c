"""Report pages: the staff back office (staff) and the public page (public).

staff     list, create, the report page, narrative, approve/publish/correct,
          exports
cells     the drill-down list behind one number
public    /reports/<org>/<year>/: the published report
check     checking another unit's uploaded tables (REPORT-EXPORT)
"""

def navigation(request):
    user = getattr(request, "user", None)
    return {"current_scope": user.scope if user is not None and user.is_authenticated else None}

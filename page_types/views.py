from django.conf import settings
from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors, no database: this must render even when those are broken.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())


def search(request):
    """/tim-kiem/?q=…: the host's own live, public pages; on the office host `pham-vi=truong`
    searches its schools' sites instead."""
    from . import search as site_search

    site = getattr(request, "_wagtail_site", None)
    if site is None or site.root_page_id is None:
        return page_not_found(request)
    query = request.GET.get("q", "").strip()[: site_search.MAX_QUERY_LENGTH]
    is_office = site.hostname == settings.PORTAL_DOMAIN
    scope = request.GET.get("pham-vi", "") if is_office else ""
    across_schools = scope == site_search.SCOPE_SCHOOLS
    terms, results = site_search.run_search(site, query, scope=scope)
    context = {
        "query": query,
        "is_office_search": is_office,
        "across_schools": across_schools,
        "scope_schools": site_search.SCOPE_SCHOOLS,
        "searched": bool(terms),
    }
    if results is not None:
        page_obj = site_search.paginate(results, request.GET.get("page"))
        context["results"] = page_obj
        context["hits"] = site_search.hits_for(
            list(page_obj.object_list), terms, site, across_schools=across_schools
        )
    response = render(request, "page_types/search_results.html", context)
    # Results are not cached; tell shared caches the same (they depend on the query string).
    response["Cache-Control"] = "no-cache"
    if query:
        response["X-Robots-Tag"] = "noindex"
    return response

"""The review loop: the release out as a Word document and the reviewer's changes back in,
version history, and sign-off. No Qt here.

    release_docx(release)                       # review/docx_writer.py: the .docx bytes
    read_review(docx_bytes, release)            # review/review.py: changes and comments by field
    apply_changes(release, changes)             # review/apply.py: the release with them applied
    HistoryStore(folder).record(path, text)     # review/history.py: a snapshot per save
    compare_releases(a, b)                      # review/compare.py: field-by-field word diff
    approve_file(path, by, role)                # review/approvals.py: sign-off in the file

It sits above ``render`` (the document is made from the same HTML as every output) and below
``outputs`` (whose registry names the DOCX writer).
"""

"""The words of the kit page and fact sheet in the kit's language, as releases have theirs
(:data:`presskit.render.conventions.LABELS`); English for languages not yet translated."""

from __future__ import annotations

from presskit.render.conventions import base_language, labels_for

KIT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "press_kit": "Press kit", "fact_sheet": "Fact sheet", "about": "About",
        "history": "History", "facts": "Facts", "people": "People", "gallery": "Photos",
        "logos": "Logos", "videos": "Videos", "quotes": "What they say", "awards": "Awards",
        "releases": "Press releases", "full_size": "Full resolution", "download": "Download",
        "licence": "Licence", "web_page": "Web page", "vcard": "Press contacts (vCard)",
        "fact_sheet_pdf": "Fact sheet (PDF)", "photo": "Photo", "logo": "Logo",
        "original": "Original file",
    },
    "de": {
        "press_kit": "Pressemappe", "fact_sheet": "Factsheet", "about": "Über uns",
        "history": "Geschichte", "facts": "Zahlen und Fakten", "people": "Personen",
        "gallery": "Fotos", "logos": "Logos", "videos": "Videos", "quotes": "Stimmen",
        "awards": "Auszeichnungen", "releases": "Pressemitteilungen",
        "full_size": "Volle Auflösung", "download": "Herunterladen", "licence": "Lizenz",
        "web_page": "Webseite", "vcard": "Pressekontakte (vCard)",
        "fact_sheet_pdf": "Factsheet (PDF)", "photo": "Foto", "logo": "Logo",
        "original": "Originaldatei",
    },
    "fr": {
        "press_kit": "Dossier de presse", "fact_sheet": "Fiche d'information",
        "about": "À propos", "history": "Historique", "facts": "Chiffres clés",
        "people": "Équipe", "gallery": "Photos", "logos": "Logos", "videos": "Vidéos",
        "quotes": "Ils en parlent", "awards": "Prix", "releases": "Communiqués de presse",
        "full_size": "Haute résolution", "download": "Télécharger", "licence": "Licence",
        "web_page": "Page web", "vcard": "Contacts presse (vCard)",
        "fact_sheet_pdf": "Fiche d'information (PDF)", "photo": "Photo", "logo": "Logo",
        "original": "Fichier original",
    },
    "es": {
        "press_kit": "Dossier de prensa", "fact_sheet": "Ficha informativa",
        "about": "Quiénes somos", "history": "Historia", "facts": "Datos clave",
        "people": "Personas", "gallery": "Fotos", "logos": "Logotipos", "videos": "Vídeos",
        "quotes": "Lo que dicen", "awards": "Premios", "releases": "Comunicados de prensa",
        "full_size": "Alta resolución", "download": "Descargar", "licence": "Licencia",
        "web_page": "Página web", "vcard": "Contactos de prensa (vCard)",
        "fact_sheet_pdf": "Ficha informativa (PDF)", "photo": "Foto", "logo": "Logotipo",
        "original": "Archivo original",
    },
}  # fmt: skip


def kit_labels(language: str) -> dict[str, str]:
    """The kit's labels plus the release labels ("Media contacts", "Website") in ``language``."""
    labels = dict(labels_for(language))
    labels.update(KIT_LABELS.get(base_language(language), KIT_LABELS["en"]))
    return labels

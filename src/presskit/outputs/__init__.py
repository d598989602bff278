"""The output formats, in one registry: what the CLI, the editor's export menu and file
dialogs, the render worker and the press kit all read.

    from presskit.outputs.registry import FORMATS, output_format
    fmt = output_format("pdf")          # name, extension, labels, CLI help, writer
    data = fmt.write(session).data      # session: a RenderSession (one release, one folder)

Adding a format is one :class:`~presskit.outputs.registry.OutputFormat` entry in
``registry.FORMATS`` plus its writer function (``session -> Output``). No Qt here.
"""

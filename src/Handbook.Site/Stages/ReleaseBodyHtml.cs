namespace Handbook.Site.Stages;

using Handbook.JobFamilies;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// One-shot builds only: once <see cref="RenderTheme"/> has placed each family's body HTML in its page, the body is
/// read by nothing else, so it is replaced by an empty string (issue 9: about 230 MiB at synthetic N = 1000, held to
/// the end of the build before). The key stays, since it marks a family whose body was rendered
/// (<c>FamilyCatalog</c>, the JSON export). The preview does not run this stage: an edit renders pages of unchanged
/// families again (department pages, folder pages), which need their bodies. A body kept as UTF-8 bytes
/// (<see cref="JobFamilyKeys.BodyHtmlUtf8"/>) goes the same way.
/// </summary>
public sealed class ReleaseBodyHtml : PerDocumentStage
{
    public override string Name => nameof(ReleaseBodyHtml);

    protected override Document? Process(Document document, StageContext context)
    {
        if (document.TryGet(JobFamilyKeys.BodyHtmlUtf8, out var utf8) && utf8.Length > 0)
        {
            document = document.With(JobFamilyKeys.BodyHtmlUtf8, []);
        }

        return document.TryGet(JobFamilyKeys.BodyHtml, out var html) && html.Length > 0
            ? document.With(JobFamilyKeys.BodyHtml, string.Empty)
            : document;
    }
}

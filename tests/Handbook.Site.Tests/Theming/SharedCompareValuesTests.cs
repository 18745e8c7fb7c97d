namespace Handbook.Site.Tests.Theming;

using Fluid;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Site.Compare;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;
using static Handbook.Site.Tests.Support.Families;

/// <summary>
/// A compare page hands templates one value per column class list (<c>row.has</c>), per "from" link
/// (<c>cell.inherited_from</c>) and per cell of the same text and origin, made with its row's list (<c>row.cells</c>),
/// instead of a wrapper per read (<see cref="SharedText"/>, <see cref="SharedLinkValue"/>, <see cref="SharedCellValue"/>).
/// Whatever a template does with them must give what the plain views give (the oracle: the same views read through
/// Fluid's own member access only), however often and in whatever order they are read.
/// </summary>
public class SharedCompareValuesTests
{
    // Every use of the shared members a theme could make: output, repeated reads, filters, comparisons, assignment,
    // members the link does not have, other spellings, and the link as a whole; the same for the cells (shared by the
    // cells of a page with the same text and origin) and each row's list of them.
    private const string Template =
        "{% for row in rows %}[{{ row.has }}|{{ row.has | size }}|{% if row.has == 'has-1 has-2' %}12{% endif %}|{{ row.has | split: ' ' | last }}]" +
        "{{ row.cells.size }}|{{ row.cells | size }}|{% for c in row.cells reversed limit: 2 %}{{ c.text }},{% endfor %}|{{ row.cells.first.text }}|{{ row.cells[1].text }}" +
        "{% for cell in row.cells %}{{ forloop.index }}{% if cell %}{{ cell.text }}{% assign from = cell.inherited_from %}" +
        "({{ cell.text | size }}|{{ cell.text | upcase }}|{{ cell.Text }}|{{ cell.missing }}|{{ cell }}|{% if cell == row.cells.first %}first{% endif %}" +
        "|{% if cell.text == 'bullet 1' %}b1{% endif %}|{% if cell.inherited_from == nil %}nil{% endif %}|{{ cell['text'] }})" +
        "{% if cell.inherited_from %}<{{ cell.inherited_from.url }}|{{ cell.inherited_from.text }}|{{ from.url }}|{{ cell.inherited_from.url }}" +
        "|{{ cell.inherited_from }}|{{ cell.inherited_from.missing }}|{{ cell.inherited_from.Url }}|{{ from.text | upcase }}|{{ from['url'] }}" +
        "|{% if from == nil %}nil{% endif %}{% if from == empty %}empty{% endif %}{% if from.url == blank %}blank{% endif %}" +
        "{% if from.url contains '#' %}anchor{% endif %}{% if from == cell.inherited_from %}same{% endif %}>{% else %}(own){% endif %}" +
        "{% else %}-{% endif %}{% endfor %}{% endfor %}";

    private static Item Own(string text) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1) };

    private static Item Inherited(string text, InheritedFrom from) => new() { Text = text, Location = new SourceLocation("x.md", 1, 1), InheritedFrom = from };

    private static readonly InheritedFrom[] Origins =
    [
        new("#junior", "Junior", SectionKind.Responsibilities),
        new("#senior-r&d", "Senior <R&D>", SectionKind.Requirements),
        new("/job-families/eng/other/#staff", "Staff", SectionKind.Responsibilities),
        new("../other/#lead", "Lead \"quoted\"", SectionKind.NiceToHaves),
    ];

    private static TemplateOptions Options(bool shared)
    {
        var options = new TemplateOptions { CultureInfo = System.Globalization.CultureInfo.InvariantCulture };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<LinkView>();
        if (shared)
        {
            ReaderPageViews.Register(options.MemberAccessStrategy);
        }
        else
        {
            options.MemberAccessStrategy.Register<CompareCellView>();
            options.MemberAccessStrategy.Register<CompareRowView>();
        }

        return options;
    }

    private static string Render(IReadOnlyList<CompareRowView> rows, bool shared)
    {
        Assert.True(new FluidParser().TryParse(Template, out var template, out var error), error);
        var context = new TemplateContext(Options(shared));
        context.SetValue("rows", rows);
        return template.Render(context);
    }

    [Fact]
    public void Given_random_compare_rows_When_rendered_with_shared_values_Then_the_text_is_what_the_plain_views_give()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 200; round++)
        {
            // Given rows of 1-5 levels whose cells are empty, own or inherited from a few origins
            var levels = random.Next(1, 6);
            // (a row's bullet is one text object, as ExpandExtends copies it, or now and then an equal text of its own;
            // inherited cells of one origin hold one origin object or, now and then, an equal one)
            var origins = Origins.Select(o => new[] { o, o with { } }).ToArray();
            var rows = Enumerable.Range(0, random.Next(1, 25)).Select(r =>
            {
                var bullet = $"bullet {r}";
                return new MatrixRow(Enumerable.Range(0, levels).Select(l => random.Next(3) switch
                {
                    0 => null,
                    1 => Own(random.Next(3) switch { 0 => $"own {r}.{l} & <b>", 1 => bullet, _ => new string(bullet.AsSpan()) }),
                    _ => Inherited(random.Next(4) == 0 ? new string(bullet.AsSpan()) : bullet, origins[random.Next(Origins.Length)][random.Next(2)]),
                }).ToArray());
            }).ToList();
            var views = new CompareRows(Family("eng/backend", "Backend")).Of(rows);

            // When rendered with the shared values and, as the oracle, with the plain views (the same rows, no sharing)
            var plain = views.Select(v => new CompareRowView(v.Has, v.Cells.Select(c => c is null ? null : new CompareCellView(c.Text, c.InheritedFrom)).ToList())).ToList();
            var expected = Render(plain, shared: false);

            // Then the text is the same (rendered twice: the second pass reads the values the first one kept)
            Assert.Equal(expected, Render(views, shared: true));
            Assert.Equal(expected, Render(views, shared: true));
            Assert.Equal(expected, Render(plain, shared: true));
        }
    }

    [Fact]
    public async Task Given_cells_of_one_origin_When_made_Then_they_share_one_link_value_that_shows_the_resolved_link()
    {
        var rows = new List<MatrixRow>
        {
            new([Own("Fix bugs"), Inherited("Fix bugs", Origins[0]), Inherited("Fix bugs", Origins[0])]),
            new([Own("Write tests"), Inherited("Write tests", Origins[0]), Inherited("Write tests", Origins[0])]),
        };

        var views = new CompareRows(Family("eng/backend", "Backend")).Of(rows);

        Assert.Same(views[0].Cells[1]!.InheritedFromValue, views[1].Cells[1]!.InheritedFromValue);
        Assert.Same(views[0].SharedHas, views[1].SharedHas);
        Assert.NotSame(views[0].Cells[0], views[0].Cells[1]); // the same text, but one cell inherits it
        Assert.Same(views[0].Cells[1], views[0].Cells[2]); // the same text object from the same origin: one cell
        Assert.NotNull(views[0].SharedCells);

        // The cell reads its link through the registered member once and hands that value back after: the page's link value.
        var context = new TemplateContext(Options(shared: true));
        var cell = views[0].SharedCells!.Values[1];
        Assert.Same(views[0].Cells[1]!.InheritedFromValue, await cell.GetValueAsync("inherited_from", context));
        Assert.Same(views[0].Cells[1]!.InheritedFromValue, await cell.GetValueAsync("inherited_from", context));
        Assert.Same(Fluid.Values.NilValue.Instance, await views[0].SharedCells!.Values[0].GetValueAsync("inherited_from", context));
        Assert.Null(views[0].Cells[0]!.InheritedFromValue);
        Assert.Contains("Fix bugs)</job-families/eng/backend/#junior|Junior|/job-families/eng/backend/#junior|", Render(views, shared: true), StringComparison.Ordinal);
    }
}

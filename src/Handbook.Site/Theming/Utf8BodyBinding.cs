namespace Handbook.Site.Theming;

using Fluid;
using Fluid.Values;
using Handbook.Site.Theming.Views;

/// <summary>
/// How templates see a body kept as UTF-8 (<see cref="FamilyView.BodyHtmlUtf8"/>, <see cref="DepartmentView.ContentHtmlUtf8"/>)
/// or rendered into a buffer for its page (<see cref="FamilyView.BodyHtmlBuffered"/>, <see cref="DepartmentView.ContentHtmlBuffered"/>):
/// <c>family.body_html</c> and <c>department.content_html</c> are a <see cref="BufferedBodyValue"/> or a
/// <see cref="Utf8HtmlValue"/> then, and the string property otherwise, and <c>raw</c> passes such a value on unchanged
/// (unescaped) instead of turning it into a string. For every other input <c>raw</c> does what Fluid's own does.
/// </summary>
internal static class Utf8BodyBinding
{
    /// <summary>Call after the views are registered: these accessors replace the ones made from the properties.</summary>
    public static void Register(TemplateOptions options)
    {
        options.MemberAccessStrategy.Register<FamilyView, object?>("body_html", BodyOf);
        options.MemberAccessStrategy.Register<DepartmentView, object?>("content_html", ContentOf);
        options.Filters.AddFilter("raw", Raw);
    }

    private static object? BodyOf(FamilyView family) => ValueOf(family.BodyHtmlBuffered, family.BodyHtmlUtf8, family.BodyHtml);

    private static object? ContentOf(DepartmentView department) => ValueOf(department.ContentHtmlBuffered, department.ContentHtmlUtf8, department.ContentHtml);

    // The body as the build kept it: in a buffer, as UTF-8, or else the string, which goes back to Fluid as an object,
    // so it becomes the value the property accessor made of it.
    private static object? ValueOf(ReadOnlyMemory<char>? buffered, byte[]? utf8, string? text) =>
        buffered is { } chars ? new BufferedBodyValue(chars)
        : utf8 is not null ? new Utf8HtmlValue(utf8)
        : text;

    private static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) => input switch
    {
        BodyHtmlValue body => body.Raw(),
        _ => new StringValue(input.ToStringValue(), false),
    };
}

namespace Handbook.Site.Theming;

using Fluid;
using Fluid.Values;
using Handbook.Site.Theming.Views;

/// <summary>
/// A <see cref="LinkView"/> as templates see it when many cells of one page show the same link (the "from" link of
/// every bullet a compare page's level inherits from one origin): one value per link instead of a wrapper per access,
/// and its <c>url</c> and <c>text</c> made once. It is the object value Fluid makes of the link
/// (<see cref="ObjectValueBase"/>: the same truthiness, output, equality and members); reading <c>url</c> or
/// <c>text</c> again hands back the value the first read made (through Fluid's own member access) instead of a new one.
/// </summary>
/// <remarks>
/// Issue 9: at synthetic N = 1000 the compare pages read an inherited cell's link three times and its URL and text
/// once each, in about 110,000 cells: five small wrappers each. A page is rendered by one thread, so the values are
/// kept without locking.
/// </remarks>
internal sealed class SharedLinkValue(LinkView link) : ObjectValueBase(link)
{
    private FluidValue? _text;
    private FluidValue? _url;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => name switch
    {
        "url" => _url is { } url ? new ValueTask<FluidValue>(url) : RememberedRead.Keep(base.GetValueAsync(name, context), ref _url),
        "text" => _text is { } text ? new ValueTask<FluidValue>(text) : RememberedRead.Keep(base.GetValueAsync(name, context), ref _text),
        _ => base.GetValueAsync(name, context),
    };
}

namespace Handbook.Site.Theming;

using Fluid;
using Fluid.Values;
using Handbook.Site.Theming.Views;

/// <summary>
/// A compare cell as templates see it, one value for the cells of a row with the same bullet text and origin (a
/// bullet of the first level that five higher levels inherit fills six cells of its row: the first with no origin,
/// the other five with one, and all six share one text value), instead of a wrapper per cell and a new string value
/// per <c>text</c> read. It is the object value Fluid makes of the cell (<see cref="ObjectValueBase"/>: the same
/// truthiness, output, equality and members); <c>text</c> is the value the row shares for that text
/// (<see cref="SharedText"/>), and <c>inherited_from</c> is read once through the registered member (the page's value
/// for the origin, <see cref="SharedLinkValue"/>, or nil) and kept.
/// </summary>
/// <remarks>
/// Issue 9: the compare pages were ≈ 7 % of a cold synthetic build's CPU in Fluid, a fifth of that making values of
/// cells and their texts (≈ 110,000 cells at N = 1000). A page is rendered by one thread, so nothing here locks.
/// </remarks>
internal sealed class SharedCellValue(CompareCellView cell, SharedText text) : ObjectValueBase(cell)
{
    public CompareCellView Cell => cell;

    public SharedText Text => text;

    // What the first read of inherited_from gave (the registered member: the page's link value, or nil), for the rest.
    private FluidValue? _inheritedFrom;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => name switch
    {
        "text" => new ValueTask<FluidValue>(text.ValueFor(context)),
        "inherited_from" => _inheritedFrom is { } from
            ? new ValueTask<FluidValue>(from)
            : RememberedRead.Keep(base.GetValueAsync(name, context), ref _inheritedFrom),
        _ => base.GetValueAsync(name, context),
    };
}

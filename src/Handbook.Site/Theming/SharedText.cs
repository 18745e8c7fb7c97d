namespace Handbook.Site.Theming;

using Fluid;
using Fluid.Values;

/// <summary>
/// A string many rows of one page show (a compare row's column class list, <c>has-1 has-3</c>), with the value
/// templates read made once for all of them: the value Fluid makes of the string as a member, made the first time
/// it is read. A page is rendered by one thread, so it is kept without locking.
/// </summary>
internal sealed class SharedText(string text)
{
    private FluidValue? _value;

    public string Text => text;

    public FluidValue ValueFor(TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _value ??= FluidValue.Create(text, context.Options);
    }
}

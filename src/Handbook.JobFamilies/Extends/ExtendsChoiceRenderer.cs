namespace Handbook.JobFamilies.Extends;

using Markdig.Renderers;
using Markdig.Renderers.Html;

/// <summary>
/// Renders <see cref="ExtendsChoiceBlock"/> as <c>&lt;div class="extends-choice" role="group"&gt;</c> with one
/// <c>&lt;details&gt;</c> per alternative (its summary names the role, each bullet links to where it comes from), so the choice needs no script
/// and is announced as a group by screen readers.
/// </summary>
public sealed class ExtendsChoiceRenderer : HtmlObjectRenderer<ExtendsChoiceBlock>
{
    protected override void Write(HtmlRenderer renderer, ExtendsChoiceBlock obj)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(obj);
        renderer.EnsureLine();
        renderer.Write("<div class=\"extends-choice\" role=\"group\" aria-label=\"Inherits from one of these roles\">").WriteLine();
        renderer.Write("<p class=\"extends-choice-label\">Inherits from one of:</p>").WriteLine();
        foreach (var alternative in obj.OfType<ExtendsAlternativeBlock>())
        {
            renderer.Write("<details class=\"extends-alternative\" data-inherited-from=\"").WriteEscapeUrl(alternative.Url).Write("\">").WriteLine();
            // Plain text: a link inside <summary> would fight with the toggle; each bullet links to its origin.
            renderer.Write("<summary>").WriteEscape(alternative.Name).Write("</summary>").WriteLine();
            renderer.WriteChildren(alternative);
            renderer.EnsureLine();
            renderer.Write("</details>").WriteLine();
        }

        renderer.Write("</div>").WriteLine();
    }
}

namespace Handbook.JobFamilies.Links;

/// <summary>Where in the Markdown a link was written (decides nothing about validity; shown in messages).</summary>
public enum LinkOrigin
{
    /// <summary><c>[text](url)</c>, or a bare URL turned into a link.</summary>
    Markdown,

    /// <summary><c>![alt](src)</c>.</summary>
    Image,

    /// <summary><c>[label]: url</c>, the definition every <c>[text][label]</c> use shares (checked once, here).</summary>
    Reference,

    /// <summary><c>&lt;https://…&gt;</c>.</summary>
    Autolink,

    /// <summary><c>href</c>/<c>src</c> of an <c>&lt;a&gt;</c> or <c>&lt;img&gt;</c> written as HTML in the page.</summary>
    Html,

    /// <summary><c>click node "url"</c> in a Mermaid diagram.</summary>
    Mermaid,
}

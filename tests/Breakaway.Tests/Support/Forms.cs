using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Breakaway.Tests.Support;

/// <summary>Submits the real forms of a page: every input of the form (antiforgery token included), overridden by the test's values.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> values, string formSelector = "main form")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        return await client.SubmitAsync(page, values, formSelector, pageUrl);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IDocument page, IReadOnlyDictionary<string, string> values, string formSelector, string pageUrl)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {pageUrl}");
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(Fields(form, values)), TestContext.Current.CancellationToken);
    }

    /// <summary>What a browser would send for the form: inputs, checked boxes, selected options, text areas; buttons excluded.</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                    {
                        fields.Add(new(name, box.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value ?? string.Empty));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? string.Empty));
                    break;
            }
        }

        fields.AddRange(values);
        return fields;
    }

    public static HttpClient NoRedirects(this BreakawayFactory factory, string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password, bool keep = false)
    {
        var values = new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password };
        if (keep)
        {
            values["Input.KeepSignedIn"] = "true";
        }

        return await client.SubmitAsync("/account/sign-in", values);
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}

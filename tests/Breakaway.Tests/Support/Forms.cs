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
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || values.ContainsKey(element.Name))
            {
                continue;
            }

            if (element.Type is "checkbox" or "radio")
            {
                if (element.IsChecked)
                {
                    fields.Add(new(element.Name, element.Value));
                }

                continue;
            }

            fields.Add(new(element.Name, element.Value));
        }

        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
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

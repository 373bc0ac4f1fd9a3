using System.Globalization;
using System.Text;

namespace Breakaway.Web.Dashboard;

/// <summary>
/// RFC 4180 CSV for the clinic's records. Fields with commas, quotes or line breaks are quoted; a field that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
/// apostrophe, so a patient's note such as "=cmd" stays text.
/// </summary>
public static class CsvExport
{
    public static string Field(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static byte[] Utf8(StringBuilder text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
}

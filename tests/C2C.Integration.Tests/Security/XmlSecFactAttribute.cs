namespace C2C.Integration.Tests.Security;

/// <summary>A fact that needs the xmlsec1 command (an independent XMLDSig implementation); skipped when it is absent.</summary>
public sealed class XmlSecFactAttribute : FactAttribute
{
    public XmlSecFactAttribute()
    {
        if (!OpenSslFactAttribute.OnPath("xmlsec1"))
            Skip = "xmlsec1 is not installed (apt-get install -y xmlsec1): interoperability with another XMLDSig implementation not checked";
    }
}

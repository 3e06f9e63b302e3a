//! The wording of the catalog's vocabulary: what each identifier format expects
//! ([`crate::formats`]).

use crate::error::clip;
use crate::lang::Text;
use crate::spec::Format;
use crate::text;

/// What `format` expects, as a phrase that completes "must be …".
pub fn format_description(format: Format) -> Text {
    match format {
        Format::EcsInstanceId => Text::new(
            "an ECS instance id such as i-bp67acfmxazb4ph1****: \"i-\" followed by 8-32 lowercase letters or digits",
            "ECS 实例 ID，例如 i-bp67acfmxazb4ph1****：\"i-\" 后接 8-32 位小写字母或数字",
        ),
        Format::ServiceInstanceId => Text::new(
            "a service instance id: \"si-\" followed by 20 lowercase hexadecimal digits",
            "服务实例 ID：\"si-\" 后接 20 位小写十六进制字符",
        ),
        Format::ZecInstanceId => Text::new(
            "a ZEC instance id: 1-64 letters, digits, '-' or '_'",
            "ZEC 实例 ID：1-64 位字母、数字、'-' 或 '_'",
        ),
        Format::Arn => Text::new(
            "an ARN of the form acs:<service>:<region>:<account-id>:<relative-id>",
            "格式为 acs:<service>:<region>:<account-id>:<relative-id> 的 ARN",
        ),
        Format::ClientToken => Text::new(
            "1-64 printable ASCII characters without spaces",
            "1-64 位不含空格的可打印 ASCII 字符",
        ),
        Format::RegionId => Text::new("a region id such as cn-hangzhou", "地域 ID，例如 cn-hangzhou"),
    }
}

/// A `region` call argument that is not a region id.
pub fn invalid_region(region: &str) -> Text {
    let expected = format_description(Format::RegionId);
    text!(
        format!(
            "The region \"{}\" is not valid; expected {}.",
            clip(region),
            expected.en
        ),
        format!("地域 \"{}\" 无效；应为{}。", clip(region), expected.zh)
    )
}

package dev.silkscreen.live.discover;

import java.util.Map;

/**
 * One container from {@code /var/vcap/data/container-metadata/store.json}.
 *
 * @param handle   garden handle
 * @param ip       overlay IP
 * @param appGuid  the app (policy group) GUID, null when not recorded
 * @param appName  an app name when the metadata carries one, else null
 * @param metadata every metadata string as written
 */
public record ContainerRecord(String handle, String ip, String appGuid, String appName, Map<String, String> metadata) {
}

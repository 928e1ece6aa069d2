package dev.optimlab.app;

import com.vaadin.flow.i18n.I18NProvider;
import dev.optimlab.course.Lang;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The UI's strings in the course languages ({@code i18n/messages*.properties}). Any locale that is not Chinese
 * reads English, so a browser in, say, German gets the English course rather than a random one.
 */
@Component
class Translations implements I18NProvider {

    private static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Lang.values()).map(Lang::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Lang lang = Lang.of(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, lang == Lang.ZH ? Locale.CHINESE : Locale.ROOT).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, lang.locale()).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}

package org.liaisonhub.console;

import org.liaisonhub.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page that fails shows a readable page with the problem, never a stack trace or the API's JSON problem
 * detail. Exception texts can quote patient data: the log gets the exception's class only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ModelAndView badRequest(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "That request cannot be answered", "The page was asked for something it"
                + " does not know (" + e.getClass().getSimpleName() + "). Go back and choose again.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Console request failed with {}", e.getClass().getName());
        log.debug("Console request failure", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The hub could not complete this; the hub's log has the details.");
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("console/error", status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
